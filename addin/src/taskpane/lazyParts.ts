import { lazy } from 'react';
import { FieldsUnavailable } from './FieldsUnavailable';
import { ProblemText } from './ProblemText';

/**
 * What the first screen ("Registreer klacht" and its state) does not need, each in its own chunk: the
 * registration's fields and warnings, the offer to link, the registered summary, the explanations and error
 * bar (Fluent's Card and MessageBar bring tabster and the icons), the complaint view with its step forms (it
 * pulls the domain's step labels and zod), the register list and the director's tab.
 */
/**
 * A note in place of the fields when their chunk cannot be loaded: without it the failed import would take the
 * whole pane down, while "Registreer klacht" works with the defaults.
 */
export const RegistrationFields = lazy(() =>
  import(/* webpackChunkName: "fields" */ './RegistrationFields').then(
    (m) => ({ default: m.RegistrationFields }),
    () => ({ default: FieldsUnavailable }),
  ),
);
export const LinkOffer = lazy(() =>
  import(/* webpackChunkName: "link" */ './conversation/LinkOffer').then((m) => ({ default: m.LinkOffer })),
);
export const RegisteredPanel = lazy(() =>
  import(/* webpackChunkName: "registered" */ './RegisteredPanel').then((m) => ({
    default: m.RegisteredPanel,
  })),
);
export const NoMessage = lazy(() =>
  import(/* webpackChunkName: "bars" */ './NoMessage').then((m) => ({ default: m.NoMessage })),
);
/** Falls back to plain text when its chunk cannot be loaded: a failure must be explained also offline. */
export const ProblemBar = lazy(() =>
  import(/* webpackChunkName: "bars" */ './ProblemBar').then(
    (m) => ({ default: m.ProblemBar }),
    () => ({ default: ProblemText }),
  ),
);
export const ComplaintPanel = lazy(
  () => import(/* webpackChunkName: "complaint" */ './complaint/ComplaintPanel'),
);
export const RegisterTab = lazy(() => import(/* webpackChunkName: "register" */ './register/RegisterTab'));
export const DirectorTab = lazy(() => import(/* webpackChunkName: "director" */ './director/DirectorTab'));
export const Tabs = lazy(() => import(/* webpackChunkName: "tabs" */ './Tabs'));
