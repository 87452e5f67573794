/**
 * How the start script reports a failure: one sentence, naming the step. Node built-ins only.
 */

/**
 * A failure whose message is already the sentence to show (bad configuration, a port in use, PostgreSQL's
 * reason, …). The specific errors of the start script's modules extend it.
 */
export class StartError extends Error {}

const diskFull = /ENOSPC|No space left on device/iu;

/**
 * The one sentence for `error`: its own message when it is a sentence already (a StartError), "the disk is full" wherever ENOSPC shows up, a command's exit for a failed command (whose
 * output the user has seen), else the first line of the message. Never a stack trace.
 */
export function describeFailure(error) {
  const message = error instanceof Error ? error.message : String(error);
  const output = typeof error?.output === "string" ? error.output : "";
  if (diskFull.test(message) || diskFull.test(output)) {
    return "the disk is full (no space left on device); free some space and run npm start again";
  }
  if (error instanceof StartError) return message;
  if (error?.code === "EACCES" || error?.code === "EPERM") {
    return `permission denied${error.path ? ` on ${error.path}` : ""} (${error.code}); check who owns the project folder`;
  }
  const firstLine = message.split("\n").find((line) => line.trim()) ?? "unknown error";
  // run() (project.mjs) names the command by its full path in node_modules/.bin: the name is enough.
  return firstLine.replace(/\S*node_modules\/\.bin\//gu, "");
}

/** "Step 3/7 (database) failed: <sentence>." (a sentence ending in "?" keeps it). */
export function formatStepFailure(label, sentence) {
  const trimmed = sentence.trim().replace(/[.;:,\s]+$/u, "");
  return `${label} failed: ${trimmed}${/[?!]$/u.test(trimmed) ? "" : "."}`;
}
