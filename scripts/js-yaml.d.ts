// js-yaml 4 ships no types and @types/js-yaml is not installed; only load() is used here.
declare module 'js-yaml' {
  export function load(text: string, options?: { filename?: string }): unknown;
}
