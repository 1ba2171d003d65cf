/** Whether chart images are painted by an image model or drawn locally, and why: `GET /api/health` `images`. */
export interface ImageAvailability {
  status: 'model' | 'local';
  /** The image deployment, when a model paints. */
  deployment?: string;
  /** Why every chart is drawn locally. */
  reason?: string;
}

export const OFFLINE_IMAGES_REASON = 'The offline engine draws every chart image locally.';

export const NO_IMAGE_DEPLOYMENT_REASON =
  'No image model deployed (AZURE_OPENAI_IMAGE_DEPLOYMENT unset): every chart image is drawn locally. ' +
  'The GPT-image-1 series is limited access (https://learn.microsoft.com/azure/foundry/openai/how-to/dall-e); ' +
  'once approved, deploy gpt-image-1-mini or gpt-image-1 and set AZURE_OPENAI_IMAGE_DEPLOYMENT to its name.';

/** The image model is opt-in (issue #11 item 1): health and the chart adapters (adapters/charts) agree on it. */
export function imageAvailability(settings: {
  provider: 'azure' | 'offline';
  imageDeployment?: string | undefined;
}): ImageAvailability {
  if (settings.provider === 'offline') return { status: 'local', reason: OFFLINE_IMAGES_REASON };
  if (!settings.imageDeployment) return { status: 'local', reason: NO_IMAGE_DEPLOYMENT_REASON };
  return { status: 'model', deployment: settings.imageDeployment };
}
