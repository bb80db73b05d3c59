import type { AppError } from '../../../../shared/ipc/errors';

/**
 * Tells apart the failures a connection test can meet. Main's message under the title already
 * names the host and the cause, so the advice adds only what it leaves out.
 */
export function describeTestFailure(error: AppError): { title: string; advice: string } {
  switch (error.kind) {
    case 'unauthorized':
      return {
        title: 'Key refused (401)',
        advice: 'Copy Key 1 or Key 2 again from the resource’s Keys and Endpoint page.',
      };
    case 'network':
      return {
        title: 'Cannot reach the endpoint',
        advice: 'If the address is right, a proxy or firewall may be in the way.',
      };
    case 'timeout':
      return {
        title: 'Cannot reach the endpoint',
        advice: 'If the address is right, the service or your network may be slow; test again.',
      };
    case 'invalidEndpoint':
      return { title: 'Not a usable endpoint', advice: '' };
    case 'notFound':
      return { title: 'Not an Azure AI Vision resource', advice: '' };
    default:
      return { title: 'The test failed', advice: '' };
  }
}
