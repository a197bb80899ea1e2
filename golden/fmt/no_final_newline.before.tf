locals {
a=1
}