/**
 * The shapes X answers are reduced to, as the worker hands them to the pages. Types only:
 * the message protocol and the pages import them without loading the X client.
 */
import type { XPerson } from './people';
import type { XPost } from './post-view';
import type { XLink } from './same-post';

export type { XPerson } from './people';
export type { XPost } from './post-view';

/** A post of the acting account as the outbox compares it: its text and when X made it. */
export interface XOwnPost {
  id: string;
  text: string;
  createdAt: string | null;
  /** The post's links as X made them (`entities.urls`): t.co `url` and `expandedUrl`. */
  links: XLink[];
}

/** A post found by a search, with its author. */
export interface XSearchPost extends XPost {
  authorId: string;
  authorName: string;
  authorHandle: string;
}

/** A page of search results, with the token for the next page. */
export interface SearchPage {
  posts: XSearchPost[];
  nextToken: string | null;
}

/** A page of people (a name search, followers or following), with the token for the next page. */
export interface PeoplePage {
  people: XPerson[];
  nextToken: string | null;
}
