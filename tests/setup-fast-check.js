// Property tests explore new random cases on developers' machines; under CI they replay a fixed
// seed so a landing never depends on luck. FC_SEED=n replays a reported failure anywhere.
const fc = require('fast-check');

const seed = process.env.FC_SEED ?? (process.env.CI ? '20261121' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
