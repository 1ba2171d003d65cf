import { DomainError } from '../errors';

/** Upstream sent something that is not the PNG we asked for; it is never stored as a real image. */
export class InvalidImage extends DomainError {
  constructor(detail: string) {
    super('invalid_image', `The image service returned an unusable image (${detail}).`, 502, true);
  }
}

/**
 * The image model's safety system refused the prompt or its output (Azure `contentFilter`). Chart
 * prompts are numbers and labels, so this is usually a false positive (docs/pitfalls.md 5.1): the chart
 * gets its local rendering now and the model is asked again later.
 */
export class ImageRefused extends DomainError {
  constructor(detail: string) {
    super('image_refused', `The image service refused this chart (${detail}).`, 422, true);
  }
}
