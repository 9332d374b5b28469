// @harvard-lil/js-wacz ships JavaScript with JSDoc only; this is the part we use.
declare module '@harvard-lil/js-wacz' {
  export interface WACZOptions {
    input: string | string[];
    output: string;
    url?: string;
    ts?: string;
    title?: string;
    description?: string;
    detectPages?: boolean;
    log?: Pick<Console, 'trace' | 'info' | 'warn' | 'error'>;
  }
  export class WACZ {
    constructor(options: WACZOptions);
    process(verbose?: boolean): Promise<void>;
    /** Hashes a resource for datapackage.json (an instance field, replaceable). */
    sha256: (file: string | Uint8Array) => Promise<string>;
  }
}
