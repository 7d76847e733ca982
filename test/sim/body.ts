/**
 * Request bodies, parsed losslessly: every JSON number stays a LosslessNumber holding its exact
 * lexeme, so a 19- or 20-digit meeting_id sent bare keeps every digit, and a field's JSON type
 * (string or number) is still known when it is validated.
 */
import { isLosslessNumber, parse } from 'lossless-json';
import { invalidParam, typeError } from './errors';

export type JsonObject = Record<string, unknown>;

export function parseJsonObject(text: string): JsonObject {
  if (text.trim() === '') throw invalidParam('request body is empty: a JSON object is required');
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw invalidParam(`request body is not valid JSON: ${detail}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidParam('request body must be a JSON object');
  }
  return value as JsonObject;
}

function describe(value: unknown): string {
  if (isLosslessNumber(value)) return 'number';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function requiredString(body: JsonObject, key: string): string {
  const value = body[key];
  if (value === undefined) throw invalidParam(`${key} is required`);
  if (typeof value !== 'string') throw typeError(`${key} must be a string, got ${describe(value)}`);
  if (value === '') throw invalidParam(`${key} must not be empty`);
  return value;
}

export function optionalObject(body: JsonObject, key: string): JsonObject | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value) || isLosslessNumber(value)) {
    throw typeError(`${key} must be an object, got ${describe(value)}`);
  }
  return value as JsonObject;
}

/** An integer field (a JSON number without fraction or exponent). */
export function requiredInteger(body: JsonObject, key: string): number {
  const value = body[key];
  if (value === undefined) throw invalidParam(`${key} is required`);
  if (!isLosslessNumber(value) || !/^-?\d{1,15}$/.test(value.value)) {
    throw typeError(`${key} must be an integer, got ${describe(value)}`);
  }
  return Number(value.value);
}

export interface RawMeetingId {
  /** The digits exactly as they arrived. */
  readonly raw: string;
  readonly encoding: 'string' | 'number';
}

/** meeting_id as it arrived, before validation: for the request record. */
export function peekMeetingId(body: JsonObject): RawMeetingId | undefined {
  const value = body['meeting_id'];
  if (typeof value === 'string') return { raw: value, encoding: 'string' };
  if (isLosslessNumber(value)) return { raw: value.value, encoding: 'number' };
  return undefined;
}

const MEETING_ID = /^[1-9]\d{0,24}$/;

/**
 * meeting_id. room-call accepts a JSON string or a bare JSON integer (the doc's table says
 * Integer, its example a string); cancel-room-call and room-call-info type it as String only.
 */
export function meetingIdField(body: JsonObject, allowNumber: boolean): string {
  const value = body['meeting_id'];
  if (value === undefined || value === null) throw invalidParam('meeting_id is required');
  if (isLosslessNumber(value)) {
    if (!allowNumber) throw typeError('meeting_id must be a string, got number');
    if (!MEETING_ID.test(value.value)) {
      throw typeError(`meeting_id must be an integer, got ${value.value}`);
    }
    return value.value;
  }
  if (typeof value !== 'string') {
    throw typeError(`meeting_id must be a string, got ${describe(value)}`);
  }
  if (!MEETING_ID.test(value)) throw invalidParam(`meeting_id "${value}" is not a meeting ID`);
  return value;
}
