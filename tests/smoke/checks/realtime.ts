import { builtinModeSummaries, getBuiltinMode } from '../../../api/domain/modes/catalog';
import { buildPersona } from '../../../api/domain/persona';
import type { MintedSecret } from '../../../api/domain/ports';
import { voiceAvailability } from '../../../api/domain/realtime/availability';
import { buildRealtimeSession } from '../../../api/domain/realtime/session-config';
import { CLIENT_SECRET_TTL_SECONDS } from '../../../api/domain/realtime/start-session';
import type { SmokeContext } from '../context';
import { explainAzure, type AzureTarget } from '../hints';
import type { TokenUsage } from '../report';
import { CheckFailed, type Check } from '../runner';
import { CallFailed, placeCall, type ServerEvent, type VoiceCall } from '../webrtc-client';

/** The spoken answer is capped: a greeting is a few seconds of audio (20 audio tokens a second). */
export const GREETING_MAX_OUTPUT_TOKENS = 200;
/** After response.done, audio still in flight on the media track may take this long to show up. */
const AUDIO_GRACE_MS = 3_000;

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * A real voice session: the app's whole session config (buildRealtimeSession, as
 * POST /api/realtime/session builds it), minted through the app's realtime adapter, then a WebRTC
 * call like the browser's (werift): SDP offer to the calls URL, `oai-events` open, whatever the
 * mint could not carry sent as `session.update`, and `response.create` for one short spoken
 * greeting. It passes when `response.done` completes and audio RTP arrived on the remote track —
 * no microphone needed.
 */
export function realtimeCheck(ctx: SmokeContext): Check {
  const target: AzureTarget = {
    variable: 'AZURE_OPENAI_REALTIME_DEPLOYMENT',
    deployment: ctx.config.AZURE_OPENAI_REALTIME_DEPLOYMENT,
    model: 'gpt-realtime',
    capacity: 'PRESTO_REALTIME_CAPACITY',
  };
  let usage: TokenUsage | undefined;
  return {
    id: 'realtime',
    title: 'realtime voice (WebRTC)',
    timeoutMs: 60_000,
    usage: () => usage,
    explain: (error) => explainAzure(error, target, ctx.meter.networkFailure()),
    async run(signal) {
      const availability = voiceAvailability({
        provider: ctx.config.provider,
        realtimeRegion: ctx.config.AZURE_OPENAI_REALTIME_REGION,
      });
      if (!availability.available)
        throw new CheckFailed(
          availability.reason ?? 'voice unavailable',
          'set AZURE_OPENAI_REALTIME_REGION to the AI account region',
        );
      const mode = getBuiltinMode('banking')!;
      const session = buildRealtimeSession({
        mode,
        persona: buildPersona(mode, 7, new Date()),
        modes: builtinModeSummaries(),
        deployment: target.deployment,
        transcriptionModel: ctx.config.AZURE_OPENAI_TRANSCRIPTION_MODEL,
      });
      let minted: MintedSecret;
      try {
        minted = await ctx.azure.realtimeSecrets.mint(session, CLIENT_SECRET_TTL_SECONDS);
      } catch (error) {
        const { detail, fix } = explainAzure(error, target, ctx.meter.networkFailure());
        throw new CheckFailed(`minting the session failed: ${detail}`, fix);
      }
      const remainder = sessionRemainder(minted);
      let call: VoiceCall;
      try {
        call = await placeCall({
          callsUrl: ctx.azure.realtimeSecrets.callsUrl,
          secret: minted.value,
          loopback: ctx.loopback,
          signal,
          onOpen(send) {
            // What Azure's client_secrets refused travels on the channel, first (Learn, realtime-audio-webrtc).
            if (remainder) send({ type: 'session.update', session: remainder });
            send({
              type: 'response.create',
              response: {
                instructions: 'Greet the user in one short sentence.',
                output_modalities: ['audio'],
                max_output_tokens: GREETING_MAX_OUTPUT_TOKENS,
                tool_choice: 'none',
              },
            });
          },
        });
      } catch (error) {
        throw explainCall(error, target, ctx.meter.networkFailure());
      }
      try {
        const done = await call.next(
          (e) => e.type === 'response.done' || (e.type === 'error' && !ignorable(e)),
          signal,
        );
        if (done.type === 'error') {
          const error = obj(done.error);
          const code = str(error.code) ?? str(error.type) ?? 'error';
          throw new CheckFailed(
            `the session sent an error: ${code} — ${str(error.message) ?? ''}`,
            /session|param|unknown/i.test(code)
              ? `${target.variable} refused part of the session config (see the message)`
              : undefined,
          );
        }
        const response = obj(done.response);
        usage = realtimeUsage(response.usage);
        if (response.status !== 'completed')
          throw new CheckFailed(
            `response.done with status ${String(response.status)}: ${JSON.stringify(response.status_details ?? {}).slice(0, 160)}`,
            response.status === 'incomplete' ? 'the answer hit max_output_tokens or a content filter' : undefined,
            usage,
          );
        await audioOrGrace(call, signal);
        if (call.audioPackets() === 0)
          throw new CheckFailed(
            'response.done arrived but no audio came on the remote track',
            'outbound UDP to Azure (WebRTC media) may be blocked here; the data channel alone is not voice',
            usage,
          );
        const said = transcript(response.output);
        return {
          outcome: 'ok',
          detail: `${target.deployment}: connected in ${Math.round(call.connectMs)} ms, ${call.audioPackets()} audio packets, first after ${Math.round(call.firstAudioAt() ?? 0)} ms${said ? `, said "${said.slice(0, 50)}${said.length > 50 ? '…' : ''}"` : ''}${remainder ? `; session.update for ${Object.keys(remainder).join(', ')}` : ''}`,
          usage,
        };
      } finally {
        await call.close();
      }
    },
  };
}

/**
 * The part of the session the mint could not carry (Azure's client_secrets documents only type,
 * model, instructions and audio.output.voice): the adapter returns it for the data channel.
 */
function sessionRemainder(minted: MintedSecret): Record<string, unknown> | undefined {
  const update = minted.sessionUpdate;
  return update && Object.keys(update).length > 0 ? { ...update } : undefined;
}

/** A `response.cancel` with nothing to cancel and the like are not failures of this check. */
function ignorable(event: ServerEvent): boolean {
  return obj(event.error).code === 'response_cancel_not_active';
}

/** The spoken answer's transcript from `response.done` (output[].content[].transcript). */
function transcript(output: unknown): string {
  if (!Array.isArray(output)) return '';
  return output
    .flatMap((item) => {
      const content = obj(item).content;
      return Array.isArray(content) ? content.map((c) => str(obj(c).transcript) ?? '') : [];
    })
    .join(' ')
    .trim();
}

function realtimeUsage(raw: unknown): TokenUsage | undefined {
  const u = obj(raw);
  const input = num(u.input_tokens);
  const output = num(u.output_tokens);
  if (input === undefined && output === undefined) return undefined;
  const audio = num(obj(u.output_token_details).audio_tokens);
  return { input: input ?? 0, output: output ?? 0, requests: 1, ...(audio !== undefined ? { audio } : {}) };
}

async function audioOrGrace(call: VoiceCall, signal: AbortSignal): Promise<void> {
  const until = performance.now() + AUDIO_GRACE_MS;
  while (call.audioPackets() === 0 && performance.now() < until && !signal.aborted)
    await new Promise((r) => setTimeout(r, 50));
}

function explainCall(error: unknown, target: AzureTarget, network: string | undefined): CheckFailed {
  if (!(error instanceof CallFailed)) {
    const { detail, fix } = explainAzure(error, target, network);
    return new CheckFailed(detail, fix);
  }
  if (error.stage === 'offer')
    return new CheckFailed(
      error.message,
      error.status === 401
        ? 'the calls URL refused the fresh client secret: AZURE_OPENAI_ENDPOINT must be the same resource that minted it'
        : `AZURE_OPENAI_ENDPOINT must serve /openai/v1/realtime/calls for ${target.variable} (a gpt-realtime region)`,
    );
  return new CheckFailed(
    error.message,
    'WebRTC needs outbound UDP from this machine to Azure (corporate firewall or VPN?)',
  );
}
