/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-report-private.h: what the report's files share: its blocks, laid out and drawn by
 * mbc-report.c, and made by each kind of report (a case's, mbc-report.c; a cohort's list,
 * mbc-report-cohort.c). */
#pragma once

#include <pango/pango.h>

#include "mbc-guideline.h"
#include "mbc-report.h"

G_BEGIN_DECLS

#define MARGIN 50.0          /* points */
#define FOOTER_HEIGHT 24.0
#define MAX_CELLS 8
#define CELL_GAP 12.0        /* between cells: a long title wraps in its column */
#define LINE_HEIGHT 23.0     /* a line to write on */
/* The last page holds at least this share of a page, when balancing can give it that. */
#define LAST_PAGE_FILL 0.3
/* A section (a heading and what follows, to the next heading) no taller than this share of
 * a page is kept on one page, when that leaves no more than SECTION_GAP of a page empty. */
#define SECTION_KEEP 0.4
#define SECTION_GAP 0.25

typedef enum
{
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_HEADING,
  STYLE_SUBHEADING,
  STYLE_BODY,
  STYLE_STRONG,
  STYLE_SMALL,
  STYLE_TIER,
  STYLE_TABLE,
  STYLE_TABLE_HEAD,
  N_STYLES
} Style;


typedef enum
{
  BLOCK_TEXT,
  BLOCK_ROW,
  BLOCK_CHART,
  BLOCK_LINE,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct
{
  BlockKind        kind;
  Style            style;
  char            *cells[MAX_CELLS];  /* BLOCK_TEXT and BLOCK_LINE: the text in cells[0] */
  const double    *columns;           /* BLOCK_ROW: each cell's share of the width */
  guint            n_cells;
  gboolean         grey_keys;         /* BLOCK_ROW: the first cell of each pair in grey */
  gboolean         rule;              /* BLOCK_ROW: a hairline under it */
  guint            strong_cells;      /* BLOCK_ROW: the cells in bold (bit i: cell i) */
  const MbcSource *source;            /* BLOCK_CHART */
  gboolean         highlighted;
  double           indent;
  double           color[3];
  gboolean         keep_with_next;    /* a heading, on the page of what follows */
  gboolean         glue;              /* on the page of the block before */
  /* laid out */
  double           scale;             /* of its fonts and spaces: the first page may shrink */
  PangoLayout     *layouts[MAX_CELLS];
  double           height;
  guint            page;
  double           y;
} Block;

struct _MbcReport
{
  MbcGuideline *guideline;
  MbcCase      *kase;
  MbcResult    *result;
  GDateTime    *when;
  char         *problems[MBC_CASE_N_FIELDS];  /* each field's problems, for people */
  GArray       *blocks;       /* Block */
  gboolean      first_page_alone;  /* the first page is to be read alone (a case's report) */
  int           disclaimer_block;  /* the block of the disclaimer, or -1: page 1 points to it */
  PangoContext *context;      /* of the last pagination */
  double        width;
  double        height;
  guint         n_pages;
};


extern const double _mbc_report_black[3];
extern const double _mbc_report_grey[3];

Block *_mbc_report_add             (MbcReport          *self,
                                    Style               style,
                                    const char         *text);
Block *_mbc_report_addf            (MbcReport          *self,
                                    Style               style,
                                    const char         *format,
                                    ...) G_GNUC_PRINTF (3, 4);
Block *_mbc_report_add_row         (MbcReport          *self,
                                    Style               style,
                                    const double       *columns,
                                    guint               n_cells,
                                    const char * const *cells);
void   _mbc_report_add_page_break  (MbcReport          *self);
void   _mbc_report_mark_reads      (JsonNode           *node,
                                    gboolean           *fields);
void   _mbc_report_mark_rule_reads (const MbcRule      *rule,
                                    gboolean           *fields);
MbcReport *_mbc_report_alloc       (MbcGuideline       *guideline,
                                    GDateTime          *when);

G_END_DECLS
