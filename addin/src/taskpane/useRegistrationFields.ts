import { useEffect, useState, type ComponentType } from 'react';
import type { RegistrationFieldsProps } from './RegistrationFields';
import { FieldsUnavailable } from './FieldsUnavailable';

type FieldsComponent = ComponentType<RegistrationFieldsProps>;

let loading: Promise<FieldsComponent> | undefined;
let loaded: FieldsComponent | undefined;

/**
 * Starts loading the registration's fields (a chunk of their own) once; index.tsx calls this as the pane loads,
 * so the chunk travels alongside the sign-in and the look-up and is normally there before they answer. A chunk
 * that cannot be loaded becomes a note, so the e-mail can still be registered with the defaults.
 */
export function preloadRegistrationFields(): Promise<FieldsComponent> {
  return (loading ??= import(/* webpackChunkName: "fields" */ './RegistrationFields')
    .then(
      (m): FieldsComponent => m.RegistrationFields,
      (): FieldsComponent => FieldsUnavailable,
    )
    .then((component) => (loaded = component)));
}

/**
 * The fields' component once its chunk is there, else undefined. Not React.lazy: the panel waits for the fields
 * to draw its buttons under them in one go (a button that jumps down as the fields arrive takes a click meant
 * for it), and an already loaded chunk is used in the first render instead of after a suspended one.
 */
export function useRegistrationFields(): FieldsComponent | undefined {
  const [component, setComponent] = useState(() => loaded);
  useEffect(() => {
    if (component) return;
    let current = true;
    void preloadRegistrationFields().then((c) => {
      if (current) setComponent(() => c);
    });
    return () => {
      current = false;
    };
  }, [component]);
  return component;
}
