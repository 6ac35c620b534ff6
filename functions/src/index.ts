/**
 * The Functions app's entry point: registers every function of the definitions table with the runtime.
 * Services are built lazily on the first invocation from the app settings, once per process.
 */
import { app } from '@azure/functions';
import { createFunctionDefinitions } from './functionDefinitions';
import { productionServices } from './composition';

app.setup({ enableHttpStream: false });

for (const definition of createFunctionDefinitions(productionServices)) {
  if (definition.kind === 'http') {
    app.http(definition.name, {
      route: definition.route,
      methods: definition.methods,
      // Entra tokens are validated by the app itself (jose), so the platform's function keys are not used.
      authLevel: definition.authLevel ?? 'anonymous',
      handler: definition.handler,
    });
  } else {
    app.timer(definition.name, { schedule: definition.schedule, handler: definition.handler });
  }
}
