locals {
  joined = join(",",
    var.first,
  var.second)
}
