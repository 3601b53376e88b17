import { REST, Routes } from 'discord.js';
import { config as loadDotenv } from 'dotenv';
import { commands } from '../../commands/index.js';
import { loadConfig } from '../config/config.js';

/**
 * `npm run deploy:commands`: registers the slash commands of `commands/index.ts` with one bulk
 * overwrite (https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands),
 * in the server `DISCORD_GUILD_ID` when set (instant, for development), else globally. Honours
 * `DISCORD_API_URL` like the bot. Prints one line on success; exits 1 with the reason on failure.
 */
async function deployCommands(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    console.error(
      'deploy:commands: set DISCORD_TOKEN and DISCORD_APPLICATION_ID (in .env or the environment).',
    );
    process.exit(1);
  }
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(
    config.DISCORD_TOKEN,
  );
  const route = config.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(config.DISCORD_APPLICATION_ID, config.DISCORD_GUILD_ID)
    : Routes.applicationCommands(config.DISCORD_APPLICATION_ID);
  const registered = (await rest.put(route, { body: commands.map((command) => command.data) })) as unknown[];
  const scope = config.DISCORD_GUILD_ID
    ? `in server ${config.DISCORD_GUILD_ID}`
    : 'globally (may take up to an hour to appear)';
  console.log(
    `Registered ${registered.length} slash commands ${scope}: ${commands.map((command) => `/${command.data.name}`).join(', ')}.`,
  );
}

deployCommands().catch((error: unknown) => {
  console.error(`deploy:commands failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
