import Callout from './Callout.astro';

/** Components editors may use in any article body without an import. */
export const mdxComponents = { Callout };
