rule "public-acl" {
  code     = "ACME011"
  message  = "$N: public ACL"
  severity = "warning"
  safety   = "unsafe"
  todo     = "check that $A is never public-read"

  match {
    resource "aws_s3_bucket_acl" "$N" {
      acl = $A
    }
  }
  replace {
    resource "aws_s3_bucket_acl" "$N" {
      acl = "private"
    }
  }
  where {
    A = "public-read"
  }
}
