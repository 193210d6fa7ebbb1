import type { StateCreator } from 'zustand';
import type { AnyRoleState } from '../../../shared/protocol';
import type { Store } from './index';

/** The last state the server pushed for this connection's role: replaced, never merged. */
export interface WorkshopSlice {
  roleState: AnyRoleState | null;
  receiveState(state: AnyRoleState): void;
}

export const workshopSlice: StateCreator<Store, [], [], WorkshopSlice> = (set) => ({
  roleState: null,
  receiveState: (roleState) => set({ roleState }),
});
