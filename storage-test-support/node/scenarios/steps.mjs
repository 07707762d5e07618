// What a stand-in's fidelity scenario shares: numbered steps that print "ok" or "FAIL" with the first lines of the
// failure, checks, an expected error, and the closing "scenario: N passed, M failed" line the Java test reads.
let passed = 0;
let failed = 0;

export async function step(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e && e.stack ? e.stack.split("\n").slice(0, 3).join(" | ") : e}`);
  }
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Runs fn, which must fail with this HTTP status and error code (a RestError's statusCode and code). */
export async function expectError(fn, status, code) {
  try {
    await fn();
  } catch (e) {
    check(e.statusCode === status, `expected HTTP ${status}, got ${e.statusCode}: ${e.message}`);
    check(e.code === code, `expected ${code}, got ${e.code}: ${e.message}`);
    return;
  }
  throw new Error(`expected HTTP ${status} ${code}, but the call succeeded`);
}

/** Prints the closing line and exits non-zero when a step failed. */
export function finish() {
  console.log(`scenario: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
