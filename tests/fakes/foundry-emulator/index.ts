export {
  EMULATED_STRICTNESS,
  startFoundryEmulator,
  type EmulatorStrictness,
  type FoundryEmulator,
  type FoundryEmulatorOptions,
} from './emulator';
export { latencyProfile, NO_LATENCY, REALISTIC_LATENCY, type LatencyProfile } from './latency';
export {
  defaultDeployments,
  GPT5_EFFORTS,
  REASONING_REJECTS,
  type EmulatedDeployment,
  type RecordedRequest,
  type Route,
  type RouteContext,
  type ScriptedReply,
} from './types';
export type { JsonBrain } from './brain';
export {
  contentFilterError,
  type ImageEmulation,
  type ImageReply,
  type ImageRequestBody,
  type ImageSurface,
} from './image-generations';
export { emulatedAzureEnv } from './app-env';
