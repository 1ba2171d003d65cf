import type { ChatModel, ModelChunk, ModelRequest } from '../../api/domain/ports';

/** A ChatModel that replays scripted rounds and records what it was asked. */
export class ScriptedChatModel implements ChatModel {
  readonly provider = 'offline' as const;
  readonly requests: ModelRequest[] = [];

  constructor(private readonly rounds: ModelChunk[][]) {}

  async *stream(request: ModelRequest): AsyncIterable<ModelChunk> {
    this.requests.push(structuredClone(request));
    const round = this.rounds[this.requests.length - 1] ?? this.rounds.at(-1) ?? [];
    for (const chunk of round) {
      if (chunk.type === 'status' && chunk.message === 'throw') throw new Error('model exploded');
      yield chunk;
    }
  }
}

export const END: ModelChunk = {
  type: 'end',
  finishReason: 'stop',
  model: 'scripted',
  usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 },
};

export function call(id: string, name: string, args: unknown): ModelChunk {
  return {
    type: 'tool_call',
    call: {
      id,
      type: 'function',
      function: { name, arguments: typeof args === 'string' ? args : JSON.stringify(args) },
    },
  };
}
