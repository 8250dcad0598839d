// web-ext ships no types; this is the part of its programmatic API the Firefox lint test uses.
declare module 'web-ext' {
  interface LintParams {
    sourceDir: string;
    output?: 'json' | 'text' | 'none';
    selfHosted?: boolean;
    warningsAsErrors?: boolean;
    pretty?: boolean;
  }
  interface LintOptions {
    shouldExitProgram?: boolean;
  }
  const webExt: {
    cmd: {
      lint(params: LintParams, options?: LintOptions): Promise<unknown>;
    };
  };
  export default webExt;
}
