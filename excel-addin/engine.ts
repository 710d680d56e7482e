/** The real engine, behind the small interface the Excel host uses. */
import { buildPursue } from '../shared/pursue';
import { rfPatch, statusNotePatch, topicPatch } from '../shared/workbook/patch';
import { readiness } from '../shared/knowledge';
import type { PursueEngine } from './actions';

export const engine: PursueEngine = { buildPursue, statusNotePatch, rfPatch, topicPatch, readiness };
