/**
 * The provision under discussion in a running meeting, for the text to mark it: provided by
 * the document screen, read by each provision as it renders (null when no meeting runs).
 */
import { createContext } from 'react';

export const MeetingFocus = createContext<string | null>(null);
