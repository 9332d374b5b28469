import Callout from './Callout.astro';
import type { MdxComponentName } from './names';

/** Components editors may use in any article body without an import (names in names.ts). */
export const mdxComponents = { Callout } satisfies Record<MdxComponentName, unknown>;
