/**
 * Which files can be a domain module's entry (domain-modules.md): a `.ts`, `.mts`, `.js` or
 * `.mjs` file, case aside. The one list the command line, the desktop shell, the web app and
 * the scenario check all go by, and the one way they say a file is not one. Pure.
 */

/** The file extensions a domain module's entry may have. */
export const MODULE_EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'] as const;

/** True when `path` (a file name or path, any case) ends in one of {@link MODULE_EXTENSIONS}. */
export const isModuleFileName = (path: string): boolean => {
  const lower = path.toLowerCase();
  return MODULE_EXTENSIONS.some((e) => lower.endsWith(e));
};

/** What messages say a file that is no module is not: "not a domain module: expected a .ts, .mts, .js or .mjs file". */
export const NOT_A_MODULE = 'not a domain module: expected a .ts, .mts, .js or .mjs file';
