/*
 * predicate.c - jq predicates evaluated without libjq.  The parser only
 * recognises: whatever it does not know is left to libjq, so it never
 * needs to diagnose.
 */
#include "predicate.h"

#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "biz.h"
#include "banned.h"

enum pred_op {
	PRED_PATH, PRED_CONST, PRED_EQ, PRED_NE, PRED_LT, PRED_LE, PRED_GT,
	PRED_GE, PRED_AND, PRED_OR, PRED_NOT
};

/*
 * and and or hold their operands in one list, so that a chain of a
 * thousand conditions is one node, not a thousand nested ones: the
 * evaluator recurses only as deep as the parentheses and "| not"s go,
 * which the parser bounds (PREDICATE_MAX_DEPTH).
 */
struct predicate {
	enum pred_op op;
	int depth;		/* levels of nodes from here down, 1 for a leaf */
	jv value;		/* the constant, or the path's keys */
	struct predicate *left, *right;
	struct predicate **args;	/* and, or: the operands */
	size_t nargs, alloc;
};

void predicate_free(struct predicate *p)
{
	if (!p)
		return;
	predicate_free(p->left);
	predicate_free(p->right);
	for (size_t i = 0; i < p->nargs; i++)
		predicate_free(p->args[i]);
	free(p->args);
	jv_free(p->value);
	free(p);
}

static struct predicate *pred_new(enum pred_op op, jv value, struct predicate *left,
			     struct predicate *right)
{
	struct predicate *p = xmalloc(sizeof(*p));

	memset(p, 0, sizeof(*p));
	p->op = op;
	p->value = value;
	p->left = left;
	p->right = right;
	p->depth = 1;
	if (left && left->depth + 1 > p->depth)
		p->depth = left->depth + 1;
	if (right && right->depth + 1 > p->depth)
		p->depth = right->depth + 1;
	return p;
}

/* Adds operand to the and/or node p (both taken). */
static void pred_add(struct predicate *p, struct predicate *operand)
{
	ARRAY_GROW(p->args, p->nargs + 1, p->alloc);
	p->args[p->nargs++] = operand;
	if (operand->depth + 1 > p->depth)
		p->depth = operand->depth + 1;
}

/*
 * The lexer also counts how deep the parser has gone: past
 * PREDICATE_MAX_DEPTH it gives up (and libjq, or filter.c's own bound,
 * decides), so that no input can exhaust the stack here.
 */
struct lexer {
	const char *s;
	int nesting;
};

static int ident_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* Skips blanks and comments. */
static void lex_skip(struct lexer *lx)
{
	for (;;) {
		while (*lx->s == ' ' || *lx->s == '\t' || *lx->s == '\n' ||
		       *lx->s == '\r')
			lx->s++;
		if (*lx->s != '#')
			return;
		while (*lx->s && *lx->s != '\n')
			lx->s++;
	}
}

/* Takes the symbol or keyword tok if it comes next. */
static int lex_accept(struct lexer *lx, const char *tok)
{
	size_t n = strlen(tok);

	lex_skip(lx);
	if (strncmp(lx->s, tok, n))
		return 0;
	if (ident_char((unsigned char)tok[0]) &&
	    ident_char((unsigned char)lx->s[n]))
		return 0;
	lx->s += n;
	return 1;
}

static struct predicate *parse_pipe(struct lexer *lx);

/* A JSON token of n bytes at s as a jv of kind, or NULL. */
static struct predicate *parse_literal(const char *s, size_t n, jv_kind kind)
{
	jv value = jv_parse_sized(s, (int)n);

	if (jv_get_kind(value) != kind) {
		jv_free(value);
		return NULL;
	}
	return pred_new(PRED_CONST, value, NULL, NULL);
}

static struct predicate *parse_primary(struct lexer *lx)
{
	const char *s, *start;
	struct predicate *p;
	jv keys;

	lex_skip(lx);
	s = start = lx->s;
	if (*s == '(') {
		if (lx->nesting >= PREDICATE_MAX_DEPTH)
			return NULL;
		lx->s++;
		lx->nesting++;
		p = parse_pipe(lx);
		lx->nesting--;
		if (p && lex_accept(lx, ")"))
			return p;
		predicate_free(p);
		return NULL;
	}
	if (*s == '.') {
		keys = jv_array();
		while (*s == '.' && ident_char((unsigned char)s[1]) &&
		       !(s[1] >= '0' && s[1] <= '9')) {
			const char *k = ++s;

			while (ident_char((unsigned char)*s))
				s++;
			keys = jv_array_append(keys,
					       jv_string_sized(k, (int)(s - k)));
		}
		if (s == start)
			s++;	/* "." alone: the lead itself */
		if (*s == '.' || *s == '[' || *s == '"' || *s == '?') {
			jv_free(keys);
			return NULL;
		}
		lx->s = s;
		return pred_new(PRED_PATH, keys, NULL, NULL);
	}
	if (*s == '"') {
		for (s++; *s && *s != '"'; s++)
			if (*s == '\\') {
				if (s[1] == '(' || !s[1])
					return NULL;	/* interpolation */
				s++;
			}
		if (*s != '"')
			return NULL;
		lx->s = s + 1;
		return parse_literal(start, (size_t)(lx->s - start),
				     JV_KIND_STRING);
	}
	if (*s >= '0' && *s <= '9') {
		while ((*s >= '0' && *s <= '9') || *s == '.' || *s == 'e' ||
		       *s == 'E' || ((*s == '+' || *s == '-') &&
				     (s[-1] == 'e' || s[-1] == 'E')))
			s++;
		lx->s = s;
		return parse_literal(start, (size_t)(s - start),
				     JV_KIND_NUMBER);
	}
	if (lex_accept(lx, "true"))
		return pred_new(PRED_CONST, jv_true(), NULL, NULL);
	if (lex_accept(lx, "false"))
		return pred_new(PRED_CONST, jv_false(), NULL, NULL);
	if (lex_accept(lx, "null"))
		return pred_new(PRED_CONST, jv_null(), NULL, NULL);
	return NULL;
}

static struct predicate *parse_comparison(struct lexer *lx)
{
	static const struct {
		const char *tok;
		enum pred_op op;
	} ops[] = {
		{ "==", PRED_EQ }, { "!=", PRED_NE }, { "<=", PRED_LE },
		{ ">=", PRED_GE }, { "<", PRED_LT }, { ">", PRED_GT }
	};
	struct predicate *left = parse_primary(lx), *right;

	if (!left)
		return NULL;
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		if (!lex_accept(lx, ops[i].tok))
			continue;
		if (!(right = parse_primary(lx))) {
			predicate_free(left);
			return NULL;
		}
		return pred_new(ops[i].op, jv_null(), left, right);
	}
	return left;
}

/*
 * A chain of operands joined by word (and, or), each read by operand:
 * one node with a list, or the operand alone.
 */
static struct predicate *parse_chain(struct lexer *lx, const char *word,
				     enum pred_op op,
				     struct predicate *(*operand)(struct lexer *))
{
	struct predicate *first = operand(lx), *chain = NULL, *next;

	while (first && lex_accept(lx, word)) {
		if (!chain) {
			chain = pred_new(op, jv_null(), NULL, NULL);
			pred_add(chain, first);
		}
		if (!(next = operand(lx))) {
			predicate_free(chain);
			return NULL;
		}
		pred_add(chain, next);
	}
	return chain ? chain : first;
}

/* and binds tighter than or, both looser than comparisons: as in jq. */
static struct predicate *parse_and(struct lexer *lx)
{
	return parse_chain(lx, "and", PRED_AND, parse_comparison);
}

static struct predicate *parse_or(struct lexer *lx)
{
	return parse_chain(lx, "or", PRED_OR, parse_and);
}

/* The only pipe known here is "| not". */
static struct predicate *parse_pipe(struct lexer *lx)
{
	struct predicate *p = parse_or(lx);

	while (p && lex_accept(lx, "|")) {
		if (!lex_accept(lx, "not")) {
			predicate_free(p);
			return NULL;
		}
		p = pred_new(PRED_NOT, jv_null(), p, NULL);
		if (p->depth > PREDICATE_MAX_DEPTH) {
			predicate_free(p);
			return NULL;
		}
	}
	if (p && p->depth > PREDICATE_MAX_DEPTH) {
		predicate_free(p);
		return NULL;
	}
	return p;
}

struct predicate *predicate_parse(const char *text)
{
	struct lexer lx = { text, 0 };
	struct predicate *p = parse_pipe(&lx);

	lex_skip(&lx);
	if (p && *lx.s) {
		predicate_free(p);
		return NULL;
	}
	return p;
}

int predicate_truthy(jv value)
{
	return jv_get_kind(value) != JV_KIND_FALSE &&
	       jv_get_kind(value) != JV_KIND_NULL;
}

/*
 * Evaluates p on input (not consumed): the value, or an invalid jv where
 * jq would raise an error (a field of a number, say).
 */
static jv pred_eval(const struct predicate *p, jv input)
{
	jv a, b;
	int r, holds;

	switch (p->op) {
	case PRED_PATH:
		a = jv_copy(input);
		jv_array_foreach(p->value, i, key) {
			if (jv_get_kind(a) == JV_KIND_OBJECT) {
				a = jv_object_get(a, key);
				if (!jv_is_valid(a))
					a = jv_null();	/* missing key */
			} else {
				jv_free(key);
				if (jv_get_kind(a) != JV_KIND_NULL) {
					jv_free(a);
					return jv_invalid();
				}
			}
		}
		return a;
	case PRED_CONST:
		return jv_copy(p->value);
	case PRED_AND:
	case PRED_OR:
		/* jq stops at the first operand that decides, as here */
		holds = p->op == PRED_AND;
		for (size_t i = 0; i < p->nargs; i++) {
			a = pred_eval(p->args[i], input);
			if (!jv_is_valid(a))
				return a;
			holds = predicate_truthy(a);
			jv_free(a);
			if (holds == (p->op == PRED_OR))
				break;
		}
		return jv_bool(holds);
	case PRED_NOT:
		a = pred_eval(p->left, input);
		if (!jv_is_valid(a))
			return a;
		holds = !predicate_truthy(a);
		jv_free(a);
		return jv_bool(holds);
	default:
		break;
	}
	a = pred_eval(p->left, input);
	if (!jv_is_valid(a))
		return a;
	b = pred_eval(p->right, input);
	if (!jv_is_valid(b)) {
		jv_free(a);
		return b;
	}
	if (p->op == PRED_EQ || p->op == PRED_NE)
		return jv_bool(jv_equal(a, b) == (p->op == PRED_EQ));
	r = jv_cmp(a, b);
	return jv_bool(p->op == PRED_LT ? r < 0 : p->op == PRED_LE ? r <= 0 :
		       p->op == PRED_GT ? r > 0 : r >= 0);
}


int predicate_holds(const struct predicate *p, jv input, int *error)
{
	jv value = pred_eval(p, input);
	int holds = jv_is_valid(value) && predicate_truthy(value);

	if (error)
		*error = !jv_is_valid(value);
	jv_free(value);
	return holds;
}
