// The package version, read once from package.json so that it is written in one place only.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// dist/src/version.js and src/version.ts both sit two levels below the package root.
const pkg = require("../../package.json") as { version: string };

export const VERSION: string = pkg.version;
