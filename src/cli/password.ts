// Reads the Neo4j password for --neo4j-password-prompt: from the terminal without echo, or the
// first line of standard input when it is not a terminal (for scripts and tests). Never from argv.
import { createInterface } from "node:readline";
import { ScoutgraphError } from "../errors.js";

export async function promptPassword(prompt = "Neo4j password: "): Promise<string> {
  const input = process.stdin;
  if (input.isTTY) return readHidden(prompt);
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw new ScoutgraphError("USAGE", "--neo4j-password-prompt: no password on standard input.");
}

function readHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let value = "";
    const done = (err?: Error): void => {
      input.setRawMode(false);
      input.pause();
      input.off("data", onData);
      process.stderr.write("\n");
      if (err === undefined) resolve(value);
      else reject(err);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return done();
        if (ch === "\u0003") return done(new ScoutgraphError("INTERRUPTED", "interrupted at the password prompt"));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    input.on("data", onData);
  });
}
