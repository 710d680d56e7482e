/** The real engine, behind the small interface the Excel host uses. */
import { buildPursue } from '../shared/index';
import { rfPatch, statusNotePatch, topicPatch } from '../shared/index';
import { readiness } from '../shared/index';
import type { PursueEngine } from './actions';

export const engine: PursueEngine = { buildPursue, statusNotePatch, rfPatch, topicPatch, readiness };
