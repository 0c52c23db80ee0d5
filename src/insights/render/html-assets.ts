// The HTML page's Content-Security-Policy: the inline stylesheet and script are constants
// (html-style.ts, html-script.ts) allowed exactly by hash, so even a missed escape could not run a
// script or load anything.
import { createHash } from "node:crypto";
import { JS } from "./html-script.js";
import { CSS } from "./html-style.js";

export { CSS, JS };

const hash = (text: string): string => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** No network at all; only this page's own stylesheet and script run. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${hash(CSS)}`,
  `script-src ${hash(JS)}`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
