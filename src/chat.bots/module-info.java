/** The built-in bots: Guard (moderation), Help (answers and greetings) and Fun (dice and last seen). */
module chat.bots {
    requires chat.server;
    provides chat.server.spi.Bot with chat.bots.guard.Guard, chat.bots.help.Help, chat.bots.fun.Fun;
}
