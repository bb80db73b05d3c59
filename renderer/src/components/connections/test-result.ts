import type { AppError } from '../../../../shared/ipc/errors';

/** Tells apart the failures a connection test can meet, in words that say what to check. */
export function describeTestFailure(error: AppError): { title: string; advice: string } {
  switch (error.kind) {
    case 'unauthorized':
      return {
        title: 'Key refused (401)',
        advice:
          'The endpoint answered, but refused this subscription key. Copy Key 1 or Key 2 of the resource again.',
      };
    case 'network':
      return {
        title: 'Cannot reach the endpoint',
        advice: 'Nothing answered at this address. Check the endpoint, your network and any proxy.',
      };
    case 'timeout':
      return {
        title: 'Cannot reach the endpoint',
        advice: 'The endpoint did not answer in time. Check the address and your network.',
      };
    case 'invalidEndpoint':
      return {
        title: 'Not a usable endpoint',
        advice: 'This address cannot be used as an endpoint.',
      };
    case 'notFound':
      return {
        title: 'No datasets API at this address',
        advice: 'The server answered, but it is not an Azure AI Vision resource.',
      };
    default:
      return { title: 'The test failed', advice: '' };
  }
}
