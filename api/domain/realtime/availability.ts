import { realtimeRegionProblem } from './regions';

export interface VoiceAvailability {
  available: boolean;
  /** Shown next to the disabled voice toggle. */
  reason?: string;
}

export const OFFLINE_VOICE_REASON =
  'Voice needs the Azure provider (gpt-realtime); the offline engine is text only. Set AZURE_OPENAI_ENDPOINT to enable it.';

/** Whether voice can work with this provider and realtime region: health and the session endpoint agree. */
export function voiceAvailability(settings: {
  provider: 'azure' | 'offline';
  realtimeRegion?: string | undefined;
}): VoiceAvailability {
  if (settings.provider === 'offline') return { available: false, reason: OFFLINE_VOICE_REASON };
  const problem = realtimeRegionProblem(settings.realtimeRegion);
  return problem ? { available: false, reason: problem } : { available: true };
}
