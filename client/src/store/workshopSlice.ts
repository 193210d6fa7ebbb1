import type { StateCreator } from 'zustand';
import type { RoleState } from '../../../shared/protocol';
import type { Store } from './index';

/** The last state the server pushed for this connection's role: replaced, never merged. */
export interface WorkshopSlice {
  roleState: RoleState | null;
  receiveState(state: RoleState): void;
}

export const workshopSlice: StateCreator<Store, [], [], WorkshopSlice> = (set) => ({
  roleState: null,
  receiveState: (roleState) => set({ roleState }),
});
