import { z } from 'zod';
import { ErrorBody, UsageResponse } from './billing';
import { ChartImage, ChartJobAccepted, CreateChartImageRequest } from './charts';
import { ChatEvent, ChatRequest, ToolRequest, ToolResponse } from './chat';
import { Health } from './health';
import { CreateModeBody, ModeListQuery, ModerationChange } from './gallery';
import { Job, ModeJobAccepted } from './jobs';
import { Mode, ModeList } from './mode';
import { Persona } from './persona';
import { RealtimeSessionRequest, RealtimeSessionResponse } from './realtime';
import { ToolName } from './tools';

export interface RouteDoc {
  /** The registered function name (api/functions/<name>.ts). */
  function: string;
  method: 'get' | 'post';
  /** Under /api, in the registration's `{param}` form. */
  route: string;
  summary: string;
  /** Metered, rate-limited, and accepts x-api-key (http/with-billing.ts). */
  billable?: boolean;
  params?: Record<string, z.ZodType>;
  query?: Record<string, z.ZodType>;
  body?: z.ZodType;
  responses: Record<string, { description: string; schema?: z.ZodType; contentType?: string }>;
}

const json = (description: string, schema: z.ZodType) => ({ description, schema });

/** Every HTTP route, with the same zod schemas the triggers validate with (tests hold it to the registrations). */
export const ROUTES: RouteDoc[] = [
  {
    function: 'health-get',
    method: 'get',
    route: 'health',
    summary: 'Provider, storage, voice and chart image status',
    query: { deep: z.enum(['1']).optional() },
    responses: { 200: json('Status', Health) },
  },
  {
    function: 'modes-get',
    method: 'get',
    route: 'modes',
    summary: 'The gallery: pre-built and approved generated modes, plus the session’s own unlisted ones',
    query: { sessionId: ModeListQuery.shape.sessionId },
    responses: { 200: json('Mode summaries', ModeList) },
  },
  {
    function: 'mode-get',
    method: 'get',
    route: 'modes/{id}',
    summary: 'One full mode',
    params: { id: z.string() },
    responses: { 200: json('The mode', Mode), 404: json('Unknown mode', ErrorBody) },
  },
  {
    function: 'persona-get',
    method: 'get',
    route: 'modes/{id}/persona',
    summary: 'The deterministic persona of a mode and seed',
    params: { id: z.string() },
    query: { seed: z.string().optional() },
    responses: { 200: json('The persona', Persona), 404: json('Unknown mode', ErrorBody) },
  },
  {
    function: 'modes-post',
    method: 'post',
    route: 'modes',
    summary: 'Get or design an industry mode',
    billable: true,
    body: CreateModeBody,
    responses: { 200: json('Ready', Mode), 202: json('Being designed: poll statusUrl', ModeJobAccepted) },
  },
  {
    function: 'mode-hide-post',
    method: 'post',
    route: 'modes/{id}/hide',
    summary: 'Operator keys: take a generated mode out of every gallery list',
    billable: true,
    params: { id: z.string() },
    responses: {
      200: json('Hidden', ModerationChange),
      403: json('Not an operator key', ErrorBody),
      404: json('No such generated mode', ErrorBody),
    },
  },
  {
    function: 'mode-unhide-post',
    method: 'post',
    route: 'modes/{id}/unhide',
    summary: 'Operator keys: approve a generated mode for the gallery again',
    billable: true,
    params: { id: z.string() },
    responses: {
      200: json('Approved', ModerationChange),
      403: json('Not an operator key', ErrorBody),
      404: json('No such generated mode', ErrorBody),
    },
  },
  {
    function: 'job-get',
    method: 'get',
    route: 'jobs/{id}',
    summary: 'A background job',
    params: { id: z.string() },
    responses: { 200: json('The job', Job), 404: json('Unknown job', ErrorBody) },
  },
  {
    function: 'chat-post',
    method: 'post',
    route: 'chat',
    summary: 'One chat turn as Server-Sent Events (one ChatEvent per data line)',
    billable: true,
    body: ChatRequest,
    responses: { 200: { description: 'Event stream', schema: ChatEvent, contentType: 'text/event-stream' } },
  },
  {
    function: 'tools-post',
    method: 'post',
    route: 'tools/{name}',
    summary: 'Run one tool (voice)',
    billable: true,
    params: { name: ToolName },
    body: ToolRequest,
    responses: {
      200: json('The tool run (ok, name, args, result) and what the UI should do about it', ToolResponse),
      404: json('Unknown tool', ErrorBody),
    },
  },
  {
    function: 'realtime-session-post',
    method: 'post',
    route: 'realtime/session',
    summary: 'Mint a short-lived voice session secret',
    billable: true,
    body: RealtimeSessionRequest,
    responses: { 200: json('The session', RealtimeSessionResponse), 503: json('Voice unavailable', ErrorBody) },
  },
  {
    function: 'charts-post',
    method: 'post',
    route: 'charts',
    summary: 'Get or paint a chart picture',
    billable: true,
    body: CreateChartImageRequest,
    responses: { 200: json('Stored', ChartImage), 202: json('Being painted: poll statusUrl', ChartJobAccepted) },
  },
  {
    function: 'chart-get',
    method: 'get',
    route: 'charts/{key}',
    summary: 'A chart picture (immutable)',
    params: { key: z.string() },
    responses: {
      200: { description: 'PNG', contentType: 'image/png' },
      304: { description: 'Not modified' },
      404: json('Unknown chart', ErrorBody),
    },
  },
  {
    function: 'usage-get',
    method: 'get',
    route: 'usage',
    summary: "The API key's metered usage per UTC day",
    query: { days: z.string().optional() },
    responses: { 200: json('Usage', UsageResponse), 401: json('No or bad key', ErrorBody) },
  },
  {
    function: 'openapi-get',
    method: 'get',
    route: 'openapi.json',
    summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3.1', contentType: 'application/json' } },
  },
];
