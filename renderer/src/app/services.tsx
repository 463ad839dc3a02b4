import { createContext, useContext, type ReactNode } from 'react';
import type { ServiceDeskDb } from '../data/db';
import type { Host } from '../host/host';
import type { SyncController } from './sync-controller';

export type Services = { db: ServiceDeskDb; host: Host; sync: SyncController };

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/** The app's store and host; tests render components with their own. */
export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
