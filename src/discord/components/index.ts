import type { ComponentHandler } from '../command.js';
import { discussButton } from './discussButton.js';
import { followUpButton } from './followUpButton.js';
import { followUpModal } from './followUpModal.js';

/** Every button and modal the bot's messages carry, listed explicitly like `commands/index.ts`. */
export const componentHandlers: readonly ComponentHandler[] = [followUpButton, followUpModal, discussButton];
