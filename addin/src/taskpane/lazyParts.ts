import { lazy } from 'react';

/**
 * What the first screen ("Registreer klacht") does not need, each in its own chunk: the complaint view with
 * its step forms (it pulls the domain's step labels and zod), the register list and the director's tab.
 */
export const ComplaintPanel = lazy(
  () => import(/* webpackChunkName: "complaint" */ './complaint/ComplaintPanel'),
);
export const RegisterTab = lazy(() => import(/* webpackChunkName: "register" */ './register/RegisterTab'));
export const DirectorTab = lazy(() => import(/* webpackChunkName: "director" */ './director/DirectorTab'));
export const Tabs = lazy(() => import(/* webpackChunkName: "tabs" */ './Tabs'));
