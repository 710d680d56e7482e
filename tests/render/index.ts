// The estimate renderer (bench/render) and its fast-check generator: what tests and the pdf
// helper import. renderEstimate(est, family) prints an estimate in one layout family.
export * from '../../bench/render/index';
export { arbEstimate } from './arb';
