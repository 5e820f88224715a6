//! `#[derive(Format)]`: the scenario format's items written once, resolved and described by code.
//!
//! For a type generic over the loading stage (`struct Action<S: Stage = Built>`), the derive
//! implements `Resolve<Action<Built>> for Action<Raw>`: every field is resolved in turn with its
//! path segment entered on the checker (`.name` as written in RON, honouring
//! `#[serde(rename)]`, `.0` for tuple fields), then the field's `#[format(...)]` checks run on the
//! raw value. A type without a stage parameter (plain enums, `Params`) resolves to itself, with
//! the same checks. The derive also generates `FooField`, an enum naming each field so that
//! cross-field checks address fields through the compiler, and `Described`, the metadata the
//! generated format reference and the JSON Schemas are made from (doc comments, RON names,
//! types, defaults, ranges, whether unknown fields are refused).
//!
//! Field attributes: `range = LO..=HI` (a number within bounds), `nonempty` (text that is not
//! blank), `check = path` (`fn(&FieldType, &mut Checker)`), `scope = expr` (what `self` and
//! `other` mean inside the field). Container attributes: `check = path`
//! (`fn(&Self, &mut Checker)`, run after the fields) and `scope = path`
//! (`fn(&Self, &Checker) -> Scope`, entered before the fields).
//!
//! The generated code names `crate::scenario::...`, so the derive is for `demarche_sim` only.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as Tokens};
use quote::{ToTokens, format_ident, quote};
use syn::{
    Attribute, Data, DeriveInput, Expr, Fields, GenericArgument, Ident, Path, PathArguments,
    RangeLimits, Type, parse_macro_input,
};

/// Derives `Resolve`, the `FooField` enum and `Described` for a scenario-format type.
#[proc_macro_derive(Format, attributes(format))]
pub fn derive_format(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(tokens) => tokens.into(),
        Err(error) => error.to_compile_error().into(),
    }
}

/// What `#[format(...)]` and `#[serde(...)]` say about a field.
#[derive(Default)]
struct FieldAttrs {
    range: Option<(Expr, Expr)>,
    nonempty: bool,
    check: Option<Path>,
    scope: Option<Expr>,
    rename: Option<String>,
    default: Option<Option<String>>,
}

/// What `#[format(...)]` and `#[serde(...)]` say about the type.
#[derive(Default)]
struct ContainerAttrs {
    check: Option<Path>,
    scope: Option<Path>,
    default: bool,
    /// `#[serde(deny_unknown_fields)]`.
    closed: bool,
}

/// One field, as the generator needs it.
struct FieldInfo {
    /// `self.name` or `self.0` in a struct; `(*binding)` in an enum variant.
    access: Tokens,
    /// The name bound by the pattern of an enum arm.
    binding: Option<Ident>,
    /// The Rust name, for struct literals (None for tuple fields).
    ident: Option<Ident>,
    /// The path segment: the RON name, or the tuple index.
    segment: String,
    ty: Type,
    doc: String,
    attrs: FieldAttrs,
}

fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let container = container_attrs(&input.attrs)?;
    let stage = input.generics.type_params().next().map(|p| p.ident.clone());
    let name = &input.ident;
    let (in_ty, out_ty, out_path) = match &stage {
        Some(_) => (
            quote!(#name<crate::scenario::stage::Raw>),
            quote!(#name<crate::scenario::stage::Built>),
            quote!(#name::<crate::scenario::stage::Built>),
        ),
        None => (quote!(#name), quote!(#name), quote!(#name)),
    };
    let (body, field_enum, shape) = match &input.data {
        Data::Struct(data) => {
            let fields = field_infos(&data.fields, None)?;
            let body = struct_body(&fields, &data.fields, &out_path, &container);
            let field_enum = field_enum(input, &fields_for_enum(&fields, ""))?;
            let shape = struct_shape(&fields, &container, stage.as_ref());
            (body, field_enum, shape)
        }
        Data::Enum(data) => {
            let mut arms = Vec::new();
            let mut named = Vec::new();
            let mut variants = Vec::new();
            for variant in &data.variants {
                let v_ident = &variant.ident;
                let fields = field_infos(&variant.fields, Some(v_ident))?;
                named.extend(fields_for_enum(&fields, &v_ident.to_string()));
                arms.push(enum_arm(v_ident, &variant.fields, &fields, &out_path));
                let v_doc = doc_of(&variant.attrs);
                let v_name = serde_rename(&variant.attrs)?.unwrap_or_else(|| v_ident.to_string());
                let docs: Vec<Tokens> = fields
                    .iter()
                    .map(|f| field_doc(f, &container, stage.as_ref()))
                    .collect();
                variants.push(quote! {
                    crate::scenario::schema::VariantDoc {
                        name: #v_name,
                        doc: #v_doc,
                        fields: vec![#(#docs),*],
                    }
                });
            }
            let check = container.check.as_ref().map(|c| quote!(#c(self, ck);));
            let (enter, leave) = container_scope(&container);
            let body = quote! {
                #enter
                let __out = match self { #(#arms)* };
                #check
                #leave
                __out
            };
            let field_enum = field_enum(input, &named)?;
            let shape = quote!(crate::scenario::schema::Shape::Enum(vec![#(#variants),*]));
            (body, field_enum, shape)
        }
        Data::Union(_) => {
            return Err(syn::Error::new(
                Span::call_site(),
                "Format: unions are not supported",
            ));
        }
    };
    let doc = doc_of(&input.attrs);
    let type_name = name.to_string();
    let closed = container.closed;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    Ok(quote! {
        impl crate::scenario::check::Resolve<#out_ty> for #in_ty {
            fn resolve(&self, ck: &mut crate::scenario::check::Checker) -> Option<#out_ty> {
                #body
            }
        }

        impl #impl_generics crate::scenario::schema::Described for #name #ty_generics #where_clause {
            fn describe() -> crate::scenario::schema::TypeDoc {
                crate::scenario::schema::TypeDoc {
                    name: #type_name,
                    doc: #doc,
                    closed: #closed,
                    shape: #shape,
                }
            }
        }

        #field_enum
    })
}

fn container_scope(container: &ContainerAttrs) -> (Tokens, Tokens) {
    match &container.scope {
        Some(scope) => (
            quote!(let __saved = ck.enter_scope(#scope(self, ck));),
            quote!(ck.restore_scope(__saved);),
        ),
        None => (Tokens::new(), Tokens::new()),
    }
}

fn struct_body(
    fields: &[FieldInfo],
    shape: &Fields,
    out_path: &Tokens,
    container: &ContainerAttrs,
) -> Tokens {
    let vars: Vec<Ident> = (0..fields.len())
        .map(|i| format_ident!("__f{}", i))
        .collect();
    let resolves = fields
        .iter()
        .zip(&vars)
        .map(|(f, var)| resolve_field(f, var));
    let check = container.check.as_ref().map(|c| quote!(#c(self, ck);));
    let (enter, leave) = container_scope(container);
    let build = build_value(out_path, shape, fields, &vars);
    quote! {
        #enter
        #(#resolves)*
        #check
        #leave
        Some(#build)
    }
}

fn build_value(out_path: &Tokens, shape: &Fields, fields: &[FieldInfo], vars: &[Ident]) -> Tokens {
    match shape {
        Fields::Named(_) => {
            let inits = fields.iter().zip(vars).map(|(f, var)| {
                let ident = f.ident.as_ref().expect("named field");
                quote!(#ident: #var?)
            });
            quote!(#out_path { #(#inits),* })
        }
        Fields::Unnamed(_) => quote!(#out_path(#(#vars?),*)),
        Fields::Unit => quote!(#out_path),
    }
}

fn enum_arm(variant: &Ident, shape: &Fields, fields: &[FieldInfo], out_path: &Tokens) -> Tokens {
    let vars: Vec<Ident> = (0..fields.len())
        .map(|i| format_ident!("__f{}", i))
        .collect();
    let bindings: Vec<&Ident> = fields
        .iter()
        .map(|f| f.binding.as_ref().expect("enum fields are bound"))
        .collect();
    let pattern = match shape {
        Fields::Named(_) => {
            let idents = fields
                .iter()
                .map(|f| f.ident.as_ref().expect("named field"));
            quote!(Self::#variant { #(#idents: #bindings),* })
        }
        Fields::Unnamed(_) => quote!(Self::#variant(#(#bindings),*)),
        Fields::Unit => quote!(Self::#variant),
    };
    let resolves = fields
        .iter()
        .zip(&vars)
        .map(|(f, var)| resolve_field(f, var));
    let path = quote!(#out_path::#variant);
    let build = build_value(&path, shape, fields, &vars);
    quote! {
        #pattern => {
            #(#resolves)*
            Some(#build)
        }
    }
}

fn resolve_field(field: &FieldInfo, var: &Ident) -> Tokens {
    let segment = &field.segment;
    let access = &field.access;
    let mut checks = Vec::new();
    if let Some((lo, hi)) = &field.attrs.range {
        checks.push(quote!(crate::scenario::check::Ranged::check_range(&#access, ck, #lo, #hi);));
    }
    if field.attrs.nonempty {
        checks.push(quote!(ck.nonempty(&#access);));
    }
    if let Some(check) = &field.attrs.check {
        checks.push(quote!(#check(&#access, ck);));
    }
    let resolve = quote! {
        let __value = crate::scenario::check::Resolve::resolve(&#access, ck);
        #(#checks)*
        __value
    };
    let inner = match &field.attrs.scope {
        Some(scope) => quote! {
            let __saved = ck.enter_scope(#scope);
            let __result = { #resolve };
            ck.restore_scope(__saved);
            __result
        },
        None => resolve,
    };
    quote! {
        let #var = ck.field(#segment, |ck| { #inner });
    }
}

fn field_infos(fields: &Fields, variant: Option<&Ident>) -> syn::Result<Vec<FieldInfo>> {
    let mut out = Vec::new();
    for (i, field) in fields.iter().enumerate() {
        let attrs = field_attrs(&field.attrs)?;
        let binding = variant.map(|_| match &field.ident {
            Some(ident) => format_ident!("__b_{}", ident),
            None => format_ident!("__b{}", i),
        });
        let (access, segment) = match (&field.ident, &binding) {
            (_, Some(binding)) => (
                quote!((*#binding)),
                field
                    .ident
                    .as_ref()
                    .map_or_else(|| i.to_string(), Ident::to_string),
            ),
            (Some(ident), None) => (quote!(self.#ident), ident.to_string()),
            (None, None) => {
                let index = syn::Index::from(i);
                (quote!(self.#index), i.to_string())
            }
        };
        let segment = attrs.rename.clone().unwrap_or(segment);
        out.push(FieldInfo {
            access,
            binding,
            ident: field.ident.clone(),
            segment,
            ty: field.ty.clone(),
            doc: doc_of(&field.attrs),
            attrs,
        });
    }
    Ok(out)
}

/// `(variant name in the FooField enum, segment, doc)` for each field.
fn fields_for_enum(fields: &[FieldInfo], prefix: &str) -> Vec<(Ident, String, String)> {
    if prefix.is_empty() && fields.iter().any(|f| f.ident.is_none()) {
        return Vec::new();
    }
    fields
        .iter()
        .map(|f| {
            let rust = f
                .ident
                .as_ref()
                .map_or_else(|| f.segment.clone(), Ident::to_string);
            let ident = format_ident!("{}{}", prefix, camel(&rust));
            (ident, f.segment.clone(), f.doc.clone())
        })
        .collect()
}

fn field_enum(input: &DeriveInput, fields: &[(Ident, String, String)]) -> syn::Result<Tokens> {
    if fields.is_empty() {
        return Ok(Tokens::new());
    }
    let vis = &input.vis;
    let name = format_ident!("{}Field", input.ident);
    let enum_doc = format!(
        "The fields of [`{}`], for checks that address them (each knows its RON name).",
        input.ident
    );
    let variants = fields.iter().map(|(ident, segment, doc)| {
        let doc = if doc.is_empty() {
            format!("`{segment}`.")
        } else {
            format!("`{segment}`: {doc}")
        };
        quote!(#[doc = #doc] #ident)
    });
    let arms = fields
        .iter()
        .map(|(ident, segment, _)| quote!(#name::#ident => #segment));
    Ok(quote! {
        #[doc = #enum_doc]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #vis enum #name { #(#variants),* }

        impl crate::scenario::check::FieldName for #name {
            fn segment(self) -> &'static str {
                match self { #(#arms),* }
            }
        }
    })
}

fn struct_shape(fields: &[FieldInfo], container: &ContainerAttrs, stage: Option<&Ident>) -> Tokens {
    let docs = fields.iter().map(|f| field_doc(f, container, stage));
    quote!(crate::scenario::schema::Shape::Struct(vec![#(#docs),*]))
}

fn field_doc(field: &FieldInfo, container: &ContainerAttrs, stage: Option<&Ident>) -> Tokens {
    let name = &field.segment;
    let ty_text = type_text(&field.ty, stage);
    let doc = &field.doc;
    let ty = &field.ty;
    // The default value, once as an expression: shown with `Debug` in the tables and as JSON in
    // the schemas.
    let default_value = match (&field.attrs.default, &field.ident) {
        (Some(Some(path)), _) => {
            let path: Tokens = path.parse().unwrap_or_default();
            Some(quote!({ let __d: #ty = #path(); __d }))
        }
        (Some(None), _) => Some(quote!(<#ty as Default>::default())),
        (None, Some(ident)) if container.default => {
            Some(quote!(<Self as Default>::default().#ident))
        }
        _ => None,
    };
    let (required, default, default_json) = match &default_value {
        Some(value) => (
            false,
            quote!(Some(format!("{:?}", #value))),
            quote!(crate::scenario::schema::json_value(&#value)),
        ),
        None => (true, quote!(None), quote!(None)),
    };
    let (range, bounds) = match &field.attrs.range {
        Some((lo, hi)) => {
            let text = format!("{} to {}", compact(lo), compact(hi));
            (
                quote!(Some(#text)),
                quote!(Some((
                    crate::scenario::schema::Bound::value(#lo),
                    crate::scenario::schema::Bound::value(#hi),
                ))),
            )
        }
        None => (quote!(None), quote!(None)),
    };
    let nonempty = field.attrs.nonempty;
    let schema = type_schema(ty, stage);
    quote! {
        crate::scenario::schema::FieldDoc {
            name: #name,
            ty: #ty_text,
            doc: #doc,
            required: #required,
            default: #default,
            range: #range,
            nonempty: #nonempty,
            schema: #schema,
            bounds: #bounds,
            default_json: #default_json,
        }
    }
}

/// A field type as a `crate::scenario::schema::Ty`, for the JSON Schemas. A type that is none of
/// the known containers and scalars names a format type, linked through its own `Described`.
fn type_schema(ty: &Type, stage: Option<&Ident>) -> Tokens {
    let schema = quote!(crate::scenario::schema);
    match ty {
        Type::Tuple(tuple) => {
            let parts = tuple.elems.iter().map(|t| type_schema(t, stage));
            quote!(#schema::Ty::Tuple(vec![#(#parts),*]))
        }
        Type::Path(path) => {
            let segments: Vec<_> = path.path.segments.iter().collect();
            if segments.len() == 2 && stage.is_some_and(|s| segments[0].ident == *s) {
                let kind = segments[1].ident.to_string();
                return quote!(#schema::Ty::Ref(#kind));
            }
            let Some(last) = segments.last() else {
                return syn::Error::new_spanned(ty, "Format: empty type path").to_compile_error();
            };
            let args: Vec<&Type> = match &last.arguments {
                PathArguments::AngleBracketed(args) => args
                    .args
                    .iter()
                    .filter_map(|a| match a {
                        GenericArgument::Type(t) => Some(t),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let name = last.ident.to_string();
            match (name.as_str(), args.as_slice()) {
                ("Vec", [inner]) => {
                    let inner = type_schema(inner, stage);
                    quote!(#schema::Ty::List(Box::new(#inner)))
                }
                ("Option", [inner]) => {
                    let inner = type_schema(inner, stage);
                    quote!(#schema::Ty::Optional(Box::new(#inner)))
                }
                ("Box", [inner]) => type_schema(inner, stage),
                ("BTreeMap", [k, v]) => {
                    let (k, v) = (type_schema(k, stage), type_schema(v, stage));
                    quote!(#schema::Ty::Map(Box::new(#k), Box::new(#v)))
                }
                ("f64" | "f32", _) => quote!(#schema::Ty::Number),
                ("u8" | "u16" | "u32" | "u64" | "usize", _) => {
                    let max = match name.as_str() {
                        "u8" => u64::from(u8::MAX),
                        "u16" => u64::from(u16::MAX),
                        "u32" => u64::from(u32::MAX),
                        _ => u64::MAX,
                    };
                    let max = proc_macro2::Literal::u64_suffixed(max);
                    quote!(#schema::Ty::Whole(#max))
                }
                ("bool", _) => quote!(#schema::Ty::Bool),
                ("String", _) => quote!(#schema::Ty::Text),
                _ => quote! {
                    #schema::Ty::Named(#schema::Link {
                        name: #name,
                        describe: <#ty as #schema::Described>::describe,
                    })
                },
            }
        }
        other => syn::Error::new_spanned(other, "Format: this field type cannot be described")
            .to_compile_error(),
    }
}

fn compact(expr: &Expr) -> String {
    expr.to_token_stream().to_string().replace(' ', "")
}

/// A field type in words for the reference tables.
fn type_text(ty: &Type, stage: Option<&Ident>) -> String {
    match ty {
        Type::Tuple(tuple) => {
            let parts: Vec<String> = tuple.elems.iter().map(|t| type_text(t, stage)).collect();
            format!("({})", parts.join(", "))
        }
        Type::Path(path) => {
            let segments: Vec<_> = path.path.segments.iter().collect();
            if segments.len() == 2 && stage.is_some_and(|s| segments[0].ident == *s) {
                return stage_type(&segments[1].ident.to_string());
            }
            let last = segments.last().expect("a type path has a segment");
            let args: Vec<String> = match &last.arguments {
                PathArguments::AngleBracketed(args) => args
                    .args
                    .iter()
                    .filter_map(|a| match a {
                        GenericArgument::Type(t) => Some(type_text(t, stage)),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let name = last.ident.to_string();
            match (name.as_str(), args.as_slice()) {
                ("Vec", [inner]) => format!("[{inner}]"),
                ("Option", [inner]) => format!("optional {inner}"),
                ("Box", [inner]) => inner.clone(),
                ("BTreeMap", [k, v]) => format!("{{{k}: {v}}}"),
                ("f64", _) => "number".into(),
                ("u8" | "u16" | "u32" | "u64" | "usize", _) => "integer".into(),
                ("bool", _) => "bool".into(),
                ("String", _) => "text".into(),
                _ => name,
            }
        }
        other => other.to_token_stream().to_string(),
    }
}

fn stage_type(name: &str) -> String {
    match name {
        "Who" => "who (`self`, `other` or an actor id)".into(),
        "Date" => "date `YYYY-MM-DD`".into(),
        "Color" => "colour `#RRGGBB`".into(),
        "Source" => "source key".into(),
        other => format!("{} id", other.to_lowercase()),
    }
}

fn camel(name: &str) -> String {
    name.split('_')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect()
}

fn doc_of(attrs: &[Attribute]) -> String {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value().trim().to_owned()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    lines.join(" ").trim().to_owned()
}

fn skip_value(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        let _: Expr = meta.value()?.parse()?;
    } else if meta.input.peek(syn::token::Paren) {
        let _content;
        syn::parenthesized!(_content in meta.input);
    }
    Ok(())
}

fn serde_rename(attrs: &[Attribute]) -> syn::Result<Option<String>> {
    let mut rename = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                let lit: syn::LitStr = meta.value()?.parse()?;
                rename = Some(lit.value());
                Ok(())
            } else {
                skip_value(&meta)
            }
        })?;
    }
    Ok(rename)
}

fn field_attrs(attrs: &[Attribute]) -> syn::Result<FieldAttrs> {
    let mut out = FieldAttrs::default();
    for attr in attrs {
        if attr.path().is_ident("serde") {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("rename") {
                    let lit: syn::LitStr = meta.value()?.parse()?;
                    out.rename = Some(lit.value());
                } else if meta.path.is_ident("default") {
                    if meta.input.peek(syn::Token![=]) {
                        let lit: syn::LitStr = meta.value()?.parse()?;
                        out.default = Some(Some(lit.value()));
                    } else {
                        out.default = Some(None);
                    }
                } else {
                    skip_value(&meta)?;
                }
                Ok(())
            })?;
        } else if attr.path().is_ident("format") {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("range") {
                    let expr: Expr = meta.value()?.parse()?;
                    match expr {
                        Expr::Range(range)
                            if matches!(range.limits, RangeLimits::Closed(_))
                                && range.start.is_some()
                                && range.end.is_some() =>
                        {
                            out.range = Some((
                                *range.start.expect("checked"),
                                *range.end.expect("checked"),
                            ));
                        }
                        other => {
                            return Err(syn::Error::new_spanned(
                                other,
                                "write the range as `LO..=HI`",
                            ));
                        }
                    }
                } else if meta.path.is_ident("nonempty") {
                    out.nonempty = true;
                } else if meta.path.is_ident("check") {
                    out.check = Some(meta.value()?.parse()?);
                } else if meta.path.is_ident("scope") {
                    out.scope = Some(meta.value()?.parse()?);
                } else {
                    return Err(meta.error("unknown `format` attribute"));
                }
                Ok(())
            })?;
        }
    }
    Ok(out)
}

fn container_attrs(attrs: &[Attribute]) -> syn::Result<ContainerAttrs> {
    let mut out = ContainerAttrs::default();
    for attr in attrs {
        if attr.path().is_ident("serde") {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("default") && !meta.input.peek(syn::Token![=]) {
                    out.default = true;
                    Ok(())
                } else if meta.path.is_ident("deny_unknown_fields") {
                    out.closed = true;
                    Ok(())
                } else {
                    skip_value(&meta)
                }
            })?;
        } else if attr.path().is_ident("format") {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("check") {
                    out.check = Some(meta.value()?.parse()?);
                } else if meta.path.is_ident("scope") {
                    out.scope = Some(meta.value()?.parse()?);
                } else {
                    return Err(meta.error("unknown `format` attribute"));
                }
                Ok(())
            })?;
        }
    }
    Ok(out)
}
