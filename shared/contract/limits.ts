/** Facts of the datasets API (2023-02-01-preview) that more than one module relies on. */
export const API_VERSION = '2023-02-01-preview';
export const SUBSCRIPTION_KEY_HEADER = 'Ocp-Apim-Subscription-Key';
export const ERROR_CODE_HEADER = 'x-ms-error-code';
export const DATASETS_PATH = '/computervision/datasets';
/** Register and Update bodies use this media type even though the body is a plain object. */
export const PATCH_CONTENT_TYPE = 'application/json-patch+json';

export const NAME_MAX_LENGTH = 255;
export const NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/;
export const MAX_ANNOTATION_FILE_URIS = 10;
export const MAX_CUSTOM_PROPERTIES = 10;

export const LIST_TOP_MIN = 1;
export const LIST_TOP_MAX = 30;
export const LIST_TOP_DEFAULT = 10;
