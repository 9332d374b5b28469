/**
 * Names of the components editors may use in an article body without an
 * import. Plain TS so `npm run check` can know them without loading .astro
 * files; index.ts must provide exactly these (checked by its `satisfies`).
 */
export const MDX_COMPONENT_NAMES = ['Callout'] as const;
export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];
