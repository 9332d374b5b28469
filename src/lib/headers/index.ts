/** CDN response headers: rules, CSP and the `_headers` format. */
export * from './rules';
export * from './csp';
