-- Issue 27: messages to partner organisations about information requests and strategy discussions. Their kinds
-- (INFORMATION_REQUESTED, INFORMATION_CHASED, STRATEGY_DISCUSSION_OUTCOME) are longer than 20 characters.
-- Only that they were asked, by when and where to read it is kept here: never a question, an answer or minutes.
alter table notification alter column kind type varchar(40);
