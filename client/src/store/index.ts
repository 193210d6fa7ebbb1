/** One zustand store made of slices; the network module feeds it through getState() actions. */
import { create } from 'zustand';
import { ballotSlice, type BallotSlice } from './ballotSlice';
import { collectionSlice, type CollectionSlice } from './collectionSlice';
import { connectionSlice, type ConnectionSlice } from './connectionSlice';
import { selectionSlice, type SelectionSlice } from './selectionSlice';
import { visionSlice, type VisionSlice } from './visionSlice';
import { workshopSlice, type WorkshopSlice } from './workshopSlice';

export type Store = ConnectionSlice & WorkshopSlice & BallotSlice & CollectionSlice & VisionSlice & SelectionSlice;

export const useStore = create<Store>()((...a) => ({
  ...connectionSlice(...a),
  ...workshopSlice(...a),
  ...ballotSlice(...a),
  ...collectionSlice(...a),
  ...visionSlice(...a),
  ...selectionSlice(...a),
}));
