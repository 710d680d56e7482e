/** The real engine, behind the small interface the Excel host uses (tests, the bench and the worker). */
import { buildPursue, rfPatch, statusNotePatch, topicPatch, readiness } from '../shared/index';
import type { PursueEngine } from './actions';

export const engine: PursueEngine = { buildPursue, statusNotePatch, rfPatch, topicPatch, readiness };
