/* lectern-list-row.c: one row of the people, sponsor and schedule lists
 *
 * The list views build one per visible row and re-bind it as the list
 * scrolls, so it is built once from its template and only has its texts
 * changed. The parts a list does not use stay hidden.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-list-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-list-row.h"
#include "lectern-ui-util.h"

struct _LecternListRow
{
  GtkWidget  parent_instance;

  /* Template Widgets */
  GtkWidget *handle;
  GtkWidget *heading;
  GtkWidget *time_box;
  GtkWidget *time_label;
  GtkWidget *duration_label;
  GtkWidget *avatar;
  GtkWidget *emoji_label;
  GtkWidget *text_box;
  GtkWidget *title_label;
  GtkWidget *subtitle_label;
  GtkWidget *detail_label;
  GtkWidget *tag_label;
  GtkWidget *status_label;
  GtkWidget *slug_label;

  /* Owned References */
  GObject   *item;
};

G_DEFINE_FINAL_TYPE (LecternListRow, lectern_list_row, GTK_TYPE_WIDGET)

/* Shows @text in @label, or hides @label when there is no text. */
static void
set_label (GtkWidget  *label,
           const char *text)
{
  g_assert (GTK_IS_LABEL (label));

  gtk_label_set_text (GTK_LABEL (label), lectern_ui_is_empty (text) ? "" : text);
  gtk_widget_set_visible (label, !lectern_ui_is_empty (text));
}

/* Setting a tooltip, even the same one, asks the display where the
 * pointer is (a round trip to the X server); rows are re-bound on every
 * scrolled frame, so the tooltip is only set when it changes.
 */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  const char *current = gtk_widget_get_tooltip_text (widget);

  if (g_strcmp0 (current, text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
lectern_list_row_dispose (GObject *object)
{
  LecternListRow *self = LECTERN_LIST_ROW (object);
  GtkWidget *child;

  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_LIST_ROW);
  /* Children the template does not name are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lectern_list_row_parent_class)->dispose (object);
}

/* Every part is a single line (the labels ellipsize), so a row's size
 * does not depend on the width it is given: the list views measure each
 * row once, not again for every width the window tries, which keeps
 * opening and scrolling cheap.
 */
static GtkSizeRequestMode
lectern_list_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
lectern_list_row_class_init (LecternListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_list_row_dispose;

  widget_class->get_request_mode = lectern_list_row_get_request_mode;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/lectern-list-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternListRow, handle);
  gtk_widget_class_bind_template_child (widget_class, LecternListRow, heading);
  gtk_widget_class_bind_template_child (widget_class, LecternListRow, time_box);
  gtk_widget_class_bind_template_child (widget_class, LecternListRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, LecternListRow, duration_label);
  gtk_widget_class_bind_template_child (widget_class, LecternListRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, LecternListRow, emoji_label);
  gtk_widget_class_bind_template_child (widget_class, LecternListRow, text_box);
  gtk_widget_class_bind_template_child (widget_class, LecternListRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LecternListRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LecternListRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, LecternListRow, tag_label);
  gtk_widget_class_bind_template_child (widget_class, LecternListRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, LecternListRow, slug_label);
}

static void
lectern_list_row_init (LecternListRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lectern_list_row_new (void)
{
  return g_object_new (LECTERN_TYPE_LIST_ROW, NULL);
}

/**
 * lectern_list_row_get_item:
 *
 * Returns: (transfer none) (nullable): the model item the row shows
 */
gpointer
lectern_list_row_get_item (LecternListRow *self)
{
  g_return_val_if_fail (LECTERN_IS_LIST_ROW (self), NULL);

  return self->item;
}

void
lectern_list_row_set_item (LecternListRow *self,
                           gpointer        item)
{
  g_return_if_fail (LECTERN_IS_LIST_ROW (self));
  g_return_if_fail (!item || G_IS_OBJECT (item));

  g_set_object (&self->item, item);
}

/* Hides every part, ready for the next item. */
void
lectern_list_row_reset (LecternListRow *self)
{
  g_return_if_fail (LECTERN_IS_LIST_ROW (self));

  set_label (self->heading, NULL);
  gtk_widget_set_visible (self->handle, FALSE);
  gtk_widget_set_visible (self->time_box, FALSE);
  gtk_widget_set_visible (self->avatar, FALSE);
  adw_avatar_set_custom_image (ADW_AVATAR (self->avatar), NULL);
  gtk_widget_set_visible (self->emoji_label, FALSE);
  gtk_widget_set_visible (self->text_box, TRUE);
  set_label (self->title_label, NULL);
  set_label (self->subtitle_label, NULL);
  set_label (self->detail_label, NULL);
  set_label (self->tag_label, NULL);
  set_label (self->status_label, NULL);
  set_label (self->slug_label, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "plain");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "archived");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-target");
  set_tooltip (GTK_WIDGET (self), NULL);
}

void
lectern_list_row_set_heading (LecternListRow *self,
                              const char     *heading)
{
  g_return_if_fail (LECTERN_IS_LIST_ROW (self));

  set_label (self->heading, heading);
  gtk_widget_set_visible (self->text_box, FALSE);
}

void
lectern_list_row_set_avatar (LecternListRow *self,
                             const char     *text,
                             GdkPaintable   *image)
{
  g_return_if_fail (LECTERN_IS_LIST_ROW (self));
  g_return_if_fail (!image || GDK_IS_PAINTABLE (image));

  adw_avatar_set_text (ADW_AVATAR (self->avatar), text);
  adw_avatar_set_custom_image (ADW_AVATAR (self->avatar), image);
  gtk_widget_set_visible (self->avatar, TRUE);
}

void
lectern_list_row_set_time (LecternListRow *self,
                           const char     *time,
                           const char     *duration)
{
  g_return_if_fail (LECTERN_IS_LIST_ROW (self));

  set_label (self->time_label, time);
  set_label (self->duration_label, duration);
  gtk_widget_set_visible (self->time_box, TRUE);
}

/* The emoji column is shown even when empty, to keep titles aligned. */
void
lectern_list_row_set_emoji (LecternListRow *self,
                            const char     *emoji)
{
  g_return_if_fail (LECTERN_IS_LIST_ROW (self));

  gtk_label_set_text (GTK_LABEL (self->emoji_label), emoji ? emoji : "");
  gtk_widget_set_visible (self->emoji_label, TRUE);
}

void
lectern_list_row_set_text (LecternListRow *self,
                           const char     *title,
                           const char     *subtitle,
                           const char     *detail)
{
  g_return_if_fail (LECTERN_IS_LIST_ROW (self));

  set_label (self->title_label, title);
  set_label (self->subtitle_label, subtitle);
  set_label (self->detail_label, detail);
}

void
lectern_list_row_set_tag (LecternListRow *self,
                          const char     *tag)
{
  g_return_if_fail (LECTERN_IS_LIST_ROW (self));

  set_label (self->tag_label, tag);
}

/* Where the invitation stands, for the organizers' eyes only. */
void
lectern_list_row_set_status (LecternListRow *self,
                             LecternStatus   status)
{
  static const char *classes[] = { NULL, "invited", "confirmed", "declined" };

  g_return_if_fail (LECTERN_IS_LIST_ROW (self));

  for (guint i = 1; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (self->status_label, classes[i]);

  if (status == LECTERN_STATUS_NONE || status >= LECTERN_N_STATUSES)
    {
      set_label (self->status_label, NULL);
      return;
    }

  set_label (self->status_label, lectern_ui_status_label (status));
  gtk_widget_add_css_class (self->status_label, classes[status]);
}

void
lectern_list_row_set_slug (LecternListRow *self,
                           const char     *slug)
{
  g_return_if_fail (LECTERN_IS_LIST_ROW (self));

  set_label (self->slug_label, slug);
}

void
lectern_list_row_set_archived (LecternListRow *self,
                               gboolean        archived)
{
  g_return_if_fail (LECTERN_IS_LIST_ROW (self));

  if (archived)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "archived");
      set_tooltip (GTK_WIDGET (self), _("Hidden on the website"));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "archived");
      set_tooltip (GTK_WIDGET (self), NULL);
    }
}

void
lectern_list_row_set_plain (LecternListRow *self,
                            gboolean        plain)
{
  g_return_if_fail (LECTERN_IS_LIST_ROW (self));

  if (plain)
    gtk_widget_add_css_class (GTK_WIDGET (self), "plain");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "plain");
}

/* Shows the drag handle: the list can be reordered. */
void
lectern_list_row_set_draggable (LecternListRow *self,
                                gboolean        draggable)
{
  g_return_if_fail (LECTERN_IS_LIST_ROW (self));

  gtk_widget_set_visible (self->handle, draggable);
}

void
lectern_list_row_set_drop_highlight (LecternListRow *self,
                                     gboolean        highlight)
{
  g_return_if_fail (LECTERN_IS_LIST_ROW (self));

  if (highlight)
    gtk_widget_add_css_class (GTK_WIDGET (self), "drop-target");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-target");
}

/* What a screen reader should say for the row: what it shows, in the
 * order it shows it ("9:00am, 25 min, Using Megatron…, Deepak Narayanan",
 * "Tri Dao, Stanford University, Organizer"). A newly allocated string.
 */
char *
lectern_list_row_describe (LecternListRow *self)
{
  GtkWidget *labels[] = {
    self->heading, self->time_label, self->duration_label, self->title_label,
    self->subtitle_label, self->detail_label, self->tag_label, self->status_label,
  };
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (LECTERN_IS_LIST_ROW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const char *shown = gtk_label_get_text (GTK_LABEL (labels[i]));

      if (!gtk_widget_get_visible (labels[i]) || lectern_ui_is_empty (shown) ||
          !gtk_widget_get_visible (gtk_widget_get_parent (labels[i])))
        continue;
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", shown);
    }

  if (gtk_widget_has_css_class (GTK_WIDGET (self), "archived"))
    g_string_append_printf (text, ", %s", _("hidden on the website"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}
