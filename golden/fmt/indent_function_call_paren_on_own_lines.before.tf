locals {
  all_tags = merge(
var.default_tags,
        var.extra_tags,
    )
}
