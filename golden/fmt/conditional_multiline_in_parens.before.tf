locals {
  a = (
var.enabled
? "on"
: "off"
)
  b = (var.enabled
? "on"
: "off")
}
