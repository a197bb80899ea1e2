codemod "drop-acl" {
  match {
    resource "aws_s3_bucket" "$N" {
      acl = $_
    }
  }
  replace {
    resource "aws_s3_bucket" "$N" {
    }
  }
}
