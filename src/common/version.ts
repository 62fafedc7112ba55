/** Eval Gate's version, printed in every report's footer. A test keeps it equal to package.json's. */
export const VERSION = '1.0.0'
